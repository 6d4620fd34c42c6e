package io.riskgrid.grid.node;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The --add-opens flags Ignite needs on Java 17 are written in two places, the parent pom (tests)
 * and the launcher (every command a user runs); they must not drift apart.
 */
class JvmFlagsAgreeTest {

    private static final Pattern OPENS = Pattern.compile("--add-opens=\\S+=ALL-UNNAMED");

    @Test
    void launcherAndBuildUseTheSameAddOpens() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> pom = opens(Files.readString(root.resolve("pom.xml")));
        Set<String> launcher = opens(Files.readString(root.resolve("riskgrid")));
        assertThat(pom).hasSize(24);
        assertThat(launcher).isEqualTo(pom);
    }

    private static Set<String> opens(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = OPENS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
