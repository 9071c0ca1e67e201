package io.kalamdb.auth;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@link PasswordHasher} that counts real and dummy bcrypt verifications. */
final class CountingPasswordHasher extends PasswordHasher {
    final AtomicInteger verifies = new AtomicInteger();
    final AtomicInteger dummies = new AtomicInteger();

    CountingPasswordHasher(int cost) {
        super(cost);
    }

    @Override
    public boolean verify(String password, String hash) {
        verifies.incrementAndGet();
        return super.verify(password, hash);
    }

    @Override
    public void dummyVerify(String password) {
        dummies.incrementAndGet();
        super.dummyVerify(password);
    }
}
