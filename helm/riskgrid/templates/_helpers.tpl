{{/* Chart name, at most 40 characters so that suffixes keep names within Kubernetes' limits. */}}
{{- define "riskgrid.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 40 | trimSuffix "-" }}
{{- end }}

{{/* Release full name, at most 40 characters: StatefulSet pod labels add 11 more and must stay under 63. */}}
{{- define "riskgrid.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "riskgrid.gridName" -}}{{ include "riskgrid.fullname" . }}-grid{{- end }}
{{/* The headless Service whose Endpoints Ignite's Kubernetes IP finder reads (--kubernetes-service). */}}
{{- define "riskgrid.discoveryService" -}}{{ include "riskgrid.fullname" . }}-grid-discovery{{- end }}
{{- define "riskgrid.thinService" -}}{{ include "riskgrid.fullname" . }}-thin{{- end }}
{{- define "riskgrid.apiName" -}}{{ include "riskgrid.fullname" . }}-api{{- end }}

{{- define "riskgrid.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "riskgrid.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "riskgrid.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "riskgrid.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one role; call with (dict "ctx" $ "component" "grid-node"). */}}
{{- define "riskgrid.selectorLabels" -}}
app.kubernetes.io/name: {{ include "riskgrid.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Pod template labels: the selector labels and the app version, without the chart version, so that an
upgrade of the chart alone does not restart every grid node.
*/}}
{{- define "riskgrid.podLabels" -}}
{{ include "riskgrid.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
{{- end }}

{{- define "riskgrid.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
JDK_JAVA_OPTIONS of one role: the shared jvm.flags, then the role's heap, then its extra flags. Call with
(dict "ctx" $ "role" .Values.gridNode).
*/}}
{{- define "riskgrid.javaOptions" -}}
{{- $heap := list (printf "-Xms%s" .role.heap) (printf "-Xmx%s" .role.heap) }}
{{- concat .ctx.Values.jvm.flags $heap .role.extraJvmFlags | join " " }}
{{- end }}

{{/* The pod's name, IP and namespace from the downward API, for $(POD_...) in args. */}}
{{- define "riskgrid.podEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- end }}

