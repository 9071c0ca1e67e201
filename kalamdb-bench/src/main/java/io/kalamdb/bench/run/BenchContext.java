package io.kalamdb.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalamdb.bench.http.ClientKind;
import io.kalamdb.bench.http.SqlClient;
import java.net.URI;

/** Where and how the benchmark talks to the server; opens one {@link SqlClient} (one connection) per thread. */
public record BenchContext(URI baseUri, ClientKind clientKind, String authorization, ObjectMapper mapper) {

    public SqlClient openClient() {
        return new SqlClient(clientKind.open(baseUri), authorization, mapper);
    }
}
