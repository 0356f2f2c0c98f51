package io.uxprobe.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void anOlderJavaIsToldInOneLineWhatItNeeds() {
        assertThat(Launcher.problem("17", "/usr/lib/jvm/java-17")).isEqualTo(
                "uxprobe: needs Java 25 or newer, but this is Java 17 (/usr/lib/jvm/java-17); install a JRE 25, or run ./uxprobe, which finds one");
        assertThat(Launcher.problem("1.8", "/opt/jre8")).contains("this is Java 1.8");
        assertThat(Launcher.problem("24", "/opt/jre24")).isNotNull();
    }

    @Test
    void java25AndNewerRun() {
        assertThat(Launcher.problem("25", "/opt/jre")).isNull();
        assertThat(Launcher.problem("26", "/opt/jre")).isNull();
    }

    @Test
    void itIsCompiledForJava8SoEveryJreCanLoadIt() throws Exception {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class"); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            assertThat(data.readUnsignedShort()).as("class file major version: 52 is Java 8").isEqualTo(52);
        }
    }
}
