package org.kehou.organization;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code kehou.generate} is set the application runs as a one-off command ({@link DatasetGenerator}): its web
 * server listens only on a free loopback port, so it neither clashes with a running instance nor serves anyone
 * while the data is written, and the demo city stays off. Without the property nothing changes.
 */
class DatasetGenerationMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String size = environment.getProperty("kehou.generate");
        if (size == null || size.isBlank() || size.equalsIgnoreCase("false")) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "kehou-generate",
                        Map.of("server.port", "0", "server.address", "127.0.0.1", "kehou.demo.enabled", "false")));
    }
}
