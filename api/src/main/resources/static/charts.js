// The two canvas drawings of the dashboard: a two-axis time-series line chart and a correlation
// heat map. Both size their canvas to its box (times devicePixelRatio, for crisp lines) and redraw
// at most once per animation frame.


const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const AXIS = '#6b7480';
const GRID = '#e4e8ee';

/** Sizes a canvas to its CSS box; returns the 2D context scaled to CSS pixels and the size. */
function fitCanvas(canvas, cssHeight) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, cssHeight ?? canvas.clientHeight);
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  return { ctx, width, height };
}

/** Calls draw() on the next animation frame, once however often it is asked. */
function frameScheduler(draw) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  };
}

/**
 * An axis label in K/M/B units with just enough decimals to tell neighbouring ticks apart
 * (19.62M next to 19.64M rather than 19.6M twice).
 */
function axisLabel(value, step) {
  const top = Math.max(Math.abs(value), step);
  const [unit, suffix] = top >= 1e9 ? [1e9, 'B'] : top >= 1e6 ? [1e6, 'M'] : top >= 1e3 ? [1e3, 'K'] : [1, ''];
  const decimals = Math.min(3, Math.max(0, Math.ceil(-Math.log10(step / unit) - 1e-9)));
  return `${(value / unit).toFixed(decimals)}${suffix}`;
}

/** "Nice" tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
function ticks(min, max, count) {
  if (!(max > min)) { const pad = Math.abs(min) * 0.01 || 1; min -= pad; max += pad; }
  const raw = (max - min) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const out = [];
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return { lo, hi, step, values: out };
}

/**
 * A line chart of two series over a sliding time window, each series on its own y axis (left and
 * right), since firm P&L and gross exposure differ by orders of magnitude.
 */
export class TimeSeriesChart {
  /**
   * @param canvas   the canvas to draw on
   * @param series   [{key, color, axis: 'left'|'right'}]
   * @param windowMs how much history is kept and shown
   */
  constructor(canvas, series, windowMs) {
    this.canvas = canvas;
    this.series = series;
    this.windowMs = windowMs;
    this.points = []; // {t, <key>: value}
    this.requestDraw = frameScheduler(() => this.draw());
    new ResizeObserver(this.requestDraw).observe(canvas);
  }

  /** Adds a point at time t (epoch ms) and drops those that slid out of the window. */
  add(t, values) {
    const last = this.points[this.points.length - 1];
    if (last && t <= last.t) t = last.t + 1; // keep time strictly increasing
    this.points.push({ t, ...values });
    const cutoff = t - this.windowMs;
    let drop = 0;
    while (drop < this.points.length - 1 && this.points[drop].t < cutoff) drop++;
    if (drop) this.points.splice(0, drop);
    this.requestDraw();
  }

  draw() {
    const { ctx, width, height } = fitCanvas(this.canvas);
    const pad = { left: 64, right: 64, top: 10, bottom: 24 };
    const plotW = width - pad.left - pad.right;
    const plotH = height - pad.top - pad.bottom;
    if (plotW < 20 || plotH < 20) return;

    if (this.points.length === 0) {
      ctx.fillStyle = AXIS;
      ctx.textAlign = 'center';
      ctx.fillText('waiting for data…', width / 2, height / 2);
      return;
    }
    // The x axis spans the window, or less while less history is known (at least a minute), so
    // that a fresh page does not squeeze its first points against the right edge.
    const tMax = Math.max(this.points[this.points.length - 1].t, Date.now());
    const tMin = Math.min(tMax - 60 * 1000, Math.max(tMax - this.windowMs, this.points[0].t));
    const span = tMax - tMin;
    const x = (t) => pad.left + ((t - tMin) / span) * plotW;

    // Time grid: about five lines, at round times.
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.fillStyle = AXIS;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const maxLines = Math.max(2, Math.min(6, Math.floor(plotW / 70))); // labels need ~70 px each
    const step = [10e3, 15e3, 30e3, 60e3, 120e3, 300e3].find((s) => span / s <= maxLines) ?? 600e3;
    const pad2 = (n) => String(n).padStart(2, '0');
    for (let t = Math.ceil(tMin / step) * step; t <= tMax; t += step) {
      const px = Math.round(x(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(px, pad.top); ctx.lineTo(px, pad.top + plotH); ctx.stroke();
      const d = new Date(t);
      const label = `${pad2(d.getHours())}:${pad2(d.getMinutes())}${step < 60e3 ? `:${pad2(d.getSeconds())}` : ''}`;
      // Skip a label that would run into the right-hand axis labels.
      if (px + ctx.measureText(label).width / 2 <= pad.left + plotW + 8) ctx.fillText(label, px, pad.top + plotH + 6);
    }

    for (const s of this.series) {
      const values = this.points.map((p) => p[s.key]).filter(Number.isFinite);
      if (values.length === 0) continue;
      const { lo, hi, step: valueStep, values: tickValues } = ticks(Math.min(...values), Math.max(...values), 4);
      const y = (v) => pad.top + plotH - ((v - lo) / (hi - lo)) * plotH;

      // Horizontal grid and labels on this series' side, in its colour.
      ctx.textBaseline = 'middle';
      ctx.textAlign = s.axis === 'left' ? 'right' : 'left';
      ctx.fillStyle = s.color;
      for (const v of tickValues) {
        const py = Math.round(y(v)) + 0.5;
        if (s.axis === 'left') {
          ctx.strokeStyle = v === 0 ? '#b9c1cc' : GRID;
          ctx.beginPath(); ctx.moveTo(pad.left, py); ctx.lineTo(pad.left + plotW, py); ctx.stroke();
        }
        ctx.fillText(axisLabel(v, valueStep), s.axis === 'left' ? pad.left - 6 : pad.left + plotW + 6, py);
      }

      ctx.strokeStyle = s.color;
      ctx.lineWidth = 2;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      let started = false;
      for (const p of this.points) {
        const v = p[s.key];
        if (!Number.isFinite(v)) continue;
        if (started) ctx.lineTo(x(p.t), y(v)); else { ctx.moveTo(x(p.t), y(v)); started = true; }
      }
      ctx.stroke();
      if (this.points.length === 1) { // a single point has no line: show it as a dot
        ctx.fillStyle = s.color;
        ctx.beginPath(); ctx.arc(x(this.points[0].t), y(this.points[0][s.key]), 3, 0, 2 * Math.PI); ctx.fill();
      }
    }
    ctx.strokeStyle = '#b9c1cc';
    ctx.lineWidth = 1;
    ctx.strokeRect(pad.left + 0.5, pad.top + 0.5, plotW, plotH);
  }
}

/** Diverging colour for a correlation: blue at -1, white at 0, red at +1; grey when unknown. */
export function correlationColor(v) {
  if (!Number.isFinite(v)) return '#c8ccd2';
  const c = Math.max(-1, Math.min(1, v));
  const end = c < 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.abs(c);
  const mix = (i) => Math.round(255 + (end[i] - 255) * a);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/**
 * A square heat map of a correlation matrix with instrument labels on the left and on top, and a
 * tooltip naming the pair and value under the pointer.
 */
export class CorrelationHeatmap {
  constructor(canvas, tooltip) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.model = null;
    this.layout = null;
    this.requestDraw = frameScheduler(() => this.draw());
    new ResizeObserver(this.requestDraw).observe(canvas.parentElement);
    canvas.addEventListener('pointermove', (e) => this.hover(e));
    canvas.addEventListener('pointerdown', (e) => this.hover(e)); // touch: tap a cell
    canvas.addEventListener('pointerleave', () => { this.tooltip.hidden = true; });
  }

  /** model: {instrumentIds, correlation, modelled?}, or null for none. */
  setData(model) {
    this.model = model;
    this.tooltip.hidden = true;
    this.requestDraw();
  }

  draw() {
    const ids = this.model?.instrumentIds ?? [];
    const n = ids.length;
    const width = Math.max(1, this.canvas.clientWidth);
    if (n === 0) {
      const { ctx } = fitCanvas(this.canvas, 60);
      this.canvas.style.height = '60px';
      ctx.fillStyle = AXIS;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('no market model yet', width / 2, 30);
      this.layout = null;
      return;
    }
    // Labels take the room of the longest one (capped); cells share the rest, up to 36 px each.
    const probe = this.canvas.getContext('2d');
    probe.font = FONT;
    const labelRoom = Math.min(96, Math.ceil(Math.max(...ids.map((id) => probe.measureText(String(id)).width))) + 8);
    const cell = Math.max(2, Math.min(36, (width - labelRoom - 4) / n));
    const height = Math.ceil(labelRoom + cell * n + 4);
    this.canvas.style.height = `${height}px`;
    const { ctx } = fitCanvas(this.canvas, height);
    this.layout = { x0: labelRoom, y0: labelRoom, cell, n };

    const corr = this.model.correlation;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        ctx.fillStyle = correlationColor(corr?.[i]?.[j]);
        // Overlap cells by a fraction of a pixel so that no hairline gaps show between them.
        ctx.fillRect(labelRoom + j * cell, labelRoom + i * cell, cell + 0.5, cell + 0.5);
      }
    }
    ctx.strokeStyle = '#b9c1cc';
    ctx.strokeRect(labelRoom + 0.5, labelRoom + 0.5, cell * n - 1, cell * n - 1);

    // Labels: skip some when cells are smaller than a line of text. Instruments without a
    // modelled history are shown in grey italics.
    const every = Math.max(1, Math.ceil(12 / cell));
    ctx.textBaseline = 'middle';
    for (let i = 0; i < n; i += every) {
      const modelled = this.model.modelled?.[i] !== false;
      ctx.fillStyle = modelled ? '#2a3039' : '#8a939e';
      ctx.font = modelled ? FONT : `italic ${FONT}`;
      const mid = labelRoom + (i + 0.5) * cell;
      const label = clip(ctx, String(ids[i]), labelRoom - 6);
      ctx.textAlign = 'right';
      ctx.fillText(label, labelRoom - 4, mid);
      ctx.save();
      ctx.translate(mid, labelRoom - 4);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'left';
      ctx.fillText(label, 0, 0);
      ctx.restore();
    }
  }

  hover(event) {
    const L = this.layout;
    if (!L) return;
    const rect = this.canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const j = Math.floor((px - L.x0) / L.cell);
    const i = Math.floor((py - L.y0) / L.cell);
    if (i < 0 || j < 0 || i >= L.n || j >= L.n) { this.tooltip.hidden = true; return; }
    const ids = this.model.instrumentIds;
    const v = this.model.correlation?.[i]?.[j];
    this.tooltip.textContent = `${ids[i]} × ${ids[j]}: ${Number.isFinite(v) ? v.toFixed(2) : 'n/a'}`;
    this.tooltip.hidden = false;
    // Keep the tooltip inside the box: flip it to the left of the pointer near the right edge.
    const box = this.canvas.parentElement.getBoundingClientRect();
    const tipW = this.tooltip.offsetWidth;
    let left = event.clientX - box.left + 12;
    if (left + tipW > box.width) left = Math.max(0, event.clientX - box.left - tipW - 12);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${event.clientY - box.top + 12}px`;
  }
}

/** Shortens text with an ellipsis to fit maxWidth pixels. */
function clip(ctx, text, maxWidth) {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s}…`;
}
