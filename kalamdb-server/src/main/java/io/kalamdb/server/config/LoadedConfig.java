package io.kalamdb.server.config;

import io.kalamdb.commons.config.ServerConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ConfigLoader#load}: the effective configuration (defaults, then file, then environment), the
 * file it was read from (empty when the defaults apply), and the warnings collected while loading. Logging is
 * configured from the configuration, so the caller logs the warnings once logging is set up.
 */
public record LoadedConfig(ServerConfig config, Optional<Path> source, List<String> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
