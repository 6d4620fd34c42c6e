package io.riskgrid.grid.node;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM flags Ignite needs on Java 17 (and DJL's offline switch) are written in three places: the
 * parent pom (tests), the launcher (every command a user runs) and the Helm chart's {@code jvm.flags}
 * (every pod); they must not drift apart.
 */
class JvmFlagsAgreeTest {

    private static final Pattern OPENS = Pattern.compile("--add-opens=\\S+=ALL-UNNAMED");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String DJL_OFFLINE = "-Dai.djl.offline=true";

    @Test
    void launcherAndBuildUseTheSameAddOpens() throws IOException {
        Set<String> pom = opens(Files.readString(ROOT.resolve("pom.xml")));
        Set<String> launcher = opens(Files.readString(ROOT.resolve("riskgrid")));
        assertThat(pom).hasSize(24);
        assertThat(launcher).isEqualTo(pom);
    }

    @Test
    void chartCarriesExactlyTheBuildsFlags() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        List<String> build = new ArrayList<>();
        for (String property : List.of("ignite.jvm.opens", "ignite.jvm.props", "djl.jvm.props")) {
            build.addAll(words(pomProperty(pom, property)));
        }
        List<String> chart = chartFlags();
        assertThat(build).hasSize(29).contains(DJL_OFFLINE);
        assertThat(chart).as("jvm.flags in helm/riskgrid/values.yaml").containsExactlyElementsOf(build);
    }

    @Test
    void chartCarriesExactlyTheLaunchersFlags() throws IOException {
        String launcher = Files.readString(ROOT.resolve("riskgrid"));
        List<String> launcherFlags = new ArrayList<>(bashArray(launcher, "IGNITE_OPENS"));
        launcherFlags.addAll(bashArray(launcher, "IGNITE_PROPS"));
        assertThat(launcherFlags).contains(DJL_OFFLINE);
        assertThat(chartFlags()).as("jvm.flags in helm/riskgrid/values.yaml").containsExactlyElementsOf(launcherFlags);
    }

    private static Set<String> opens(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = OPENS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("property " + name + " in pom.xml").isTrue();
        return m.group(1);
    }

    /** The words of a bash array assignment {@code NAME=( ... )}, its comments left out. */
    private static List<String> bashArray(String script, String name) {
        int start = script.indexOf(name + "=(");
        assertThat(start).as(name + "=( in the launcher").isNotNegative();
        String rest = script.substring(start + name.length() + 2).replaceAll("(?m)#.*$", "");
        return words(rest.substring(0, rest.indexOf(')')));
    }

    /**
     * The items of {@code jvm.flags} in the chart's values.yaml, read line by line (the module has no
     * YAML parser): the block list under {@code flags:} under the top-level {@code jvm:}.
     */
    private static List<String> chartFlags() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("helm/riskgrid/values.yaml"));
        int jvm = lines.indexOf("jvm:");
        assertThat(jvm).as("a top-level 'jvm:' in values.yaml").isNotNegative();
        int i = jvm + 1;
        while (i < lines.size() && !lines.get(i).trim().equals("flags:")) {
            assertThat(lines.get(i)).as("'flags:' directly under 'jvm:' in values.yaml").startsWith(" ");
            i++;
        }
        List<String> flags = new ArrayList<>();
        Pattern item = Pattern.compile("^\\s+- (\\S+)\\s*$");
        for (i++; i < lines.size(); i++) {
            Matcher m = item.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            flags.add(m.group(1));
        }
        return flags;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
