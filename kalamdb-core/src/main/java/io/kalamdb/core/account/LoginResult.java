package io.kalamdb.core.account;

import io.kalamdb.auth.IssuedTokens;
import io.kalamdb.commons.models.User;

/** A successful login or refresh: the user and a fresh token pair. */
public record LoginResult(User user, IssuedTokens tokens) {
}
