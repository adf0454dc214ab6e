package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens no service may accept, made from a real one of the stack's identity provider: signed by a key it
 * never issued (under a key id of its own and under the provider's), unsigned ({@code alg: none}), signed with HMAC
 * keyed by the provider's public key set (the key-confusion attack), a real token's payload raised to more roles
 * under its original signature, expired, and, where the test can read the provider's signing key (the shared
 * stack's data directory), correctly signed tokens that are expired, not valid yet, of another issuer or issued to
 * another client.
 */
final class ForgedTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

    record Forged(String name, String token) {
    }

    private ForgedTokens() {
    }

    /** Forged from a real token of {@code username} (who may do much less than the forged claims say). */
    static List<Forged> from(String username) {
        String real = DemoUsers.bearer(username).substring("Bearer ".length());
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) json(FROM_BASE64URL.decode(parts[0]));
        ObjectNode claims = (ObjectNode) json(FROM_BASE64URL.decode(parts[1]));
        String providerKeyId = header.path("kid").asText();
        ObjectNode raised = claims.deepCopy();
        raised.putArray("roles").add("coordinator").add("ops").add("service");
        long now = Instant.now().getEpochSecond();
        ObjectNode expired = raised.deepCopy().put("iat", now - 7200).put("nbf", now - 7200).put("exp", now - 3600);

        PrivateKey foreign = foreignKey();
        List<Forged> forged = new ArrayList<>();
        forged.add(new Forged("signed by a key the provider never issued", rs256(foreign, "forged-" + UUID.randomUUID(), raised)));
        forged.add(new Forged("signed by a foreign key under the provider's key id", rs256(foreign, providerKeyId, raised)));
        forged.add(new Forged("alg none", unsigned(raised)));
        forged.add(new Forged("HS256 keyed with the provider's public key set", hs256(jwks(), providerKeyId, raised)));
        forged.add(new Forged("raised roles under the real token's signature",
                parts[0] + "." + encode(raised) + "." + parts[2]));
        forged.add(new Forged("expired, signed by a foreign key", rs256(foreign, providerKeyId, expired)));
        forged.add(new Forged("not a JWT", "not-a-jwt." + parts[2]));
        providerKey().ifPresent(provider -> {
            forged.add(new Forged("expired, signed by the provider's own key", rs256(provider, providerKeyId, expired)));
            forged.add(new Forged("not valid for an hour, signed by the provider's own key", rs256(provider, providerKeyId,
                    raised.deepCopy().put("nbf", now + 3600).put("iat", now + 3600).put("exp", now + 7200))));
            forged.add(new Forged("another issuer, signed by the provider's own key", rs256(provider, providerKeyId,
                    raised.deepCopy().put("iss", "https://issuer.example.org"))));
            forged.add(new Forged("issued to another client, signed by the provider's own key", rs256(provider,
                    providerKeyId, raised.deepCopy().put("aud", "another-application").put("azp", "another-application"))));
        });
        return forged;
    }

    private static String rs256(PrivateKey key, String keyId, JsonNode claims) {
        String signingInput = encode(Http.JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId))
                + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(byte[] secret, String keyId, JsonNode claims) {
        String signingInput = encode(Http.JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", keyId))
                + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(JsonNode claims) {
        return encode(Http.JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's public key set, as anyone can fetch it. */
    private static byte[] jwks() {
        return Http.anonymousGet(RunningStack.url(9000, "/oauth2/jwks")).raw().getBytes(StandardCharsets.UTF_8);
    }

    /** The identity provider's own signing key (a private JWK in the stack's data directory), when the test can read it. */
    private static Optional<PrivateKey> providerKey() {
        return SharedStack.dataDir().map(dir -> dir.resolve("identity/signing-key.json")).filter(Files::isRegularFile)
                .map(ForgedTokens::privateKey);
    }

    private static PrivateKey privateKey(Path jwkFile) {
        try {
            JsonNode jwk = Http.JSON.readTree(Files.readString(jwkFile));
            RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(number(jwk, "n"), number(jwk, "e"), number(jwk, "d"),
                    number(jwk, "p"), number(jwk, "q"), number(jwk, "dp"), number(jwk, "dq"), number(jwk, "qi"));
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger number(JsonNode jwk, String name) {
        return new BigInteger(1, FROM_BASE64URL.decode(jwk.get(name).asText()));
    }

    private static String encode(JsonNode json) {
        try {
            return BASE64URL.encodeToString(Http.JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Http.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
