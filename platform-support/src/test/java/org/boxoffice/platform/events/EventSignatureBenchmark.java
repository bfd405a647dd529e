package org.boxoffice.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one event signature costs: the JDK's Ed25519 against {@link Ed25519Signatures} (Bouncy Castle), signing and
 * verifying a 400-byte message — about the size of an event's signed bytes. Command in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventSignatureBenchmark {

    private final byte[] message = "x".repeat(400).getBytes(StandardCharsets.UTF_8);
    private KeyPair pair;
    private Ed25519Signatures.SigningKey signingKey;
    private Ed25519.PublicPoint verifyingKey;
    private byte[] signature;

    @Setup
    public void keys() {
        pair = EventKeys.generate();
        signingKey = Ed25519Signatures.SigningKey.of(pair.getPrivate());
        verifyingKey = Ed25519Signatures.verifyingKey(pair.getPublic());
        signature = signingKey.sign(message);
    }

    @Benchmark
    public byte[] jdkSign() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        return jdk.sign();
    }

    @Benchmark
    public boolean jdkVerify() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(pair.getPublic());
        jdk.update(message);
        return jdk.verify(signature);
    }

    @Benchmark
    public byte[] bouncyCastleSign() {
        return signingKey.sign(message);
    }

    @Benchmark
    public boolean bouncyCastleVerify() {
        return Ed25519Signatures.verify(verifyingKey, signature, message);
    }
}
