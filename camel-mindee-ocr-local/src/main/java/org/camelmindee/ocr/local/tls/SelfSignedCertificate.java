package org.camelmindee.ocr.local.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate made at start-up with public JDK APIs only: an EC P-256 key pair, and the X.509
 * structure written in DER by the few lines below and signed with {@link Signature}. No keytool process, no
 * {@code sun.security.x509} internals (which would need {@code --add-exports} everywhere the server runs), no file.
 * The certificate names localhost, 127.0.0.1, ::1 and the host the server listens on.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "mindee-local".toCharArray();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static SelfSignedCertificate generate(String host, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
            if (host != null && !host.isBlank() && !"0.0.0.0".equals(host) && !"::".equals(host)) {
                names.add(host);
            }
            byte[] tbs = tbsCertificate(keyPair, names, Instant.now(), validity);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(keyPair.getPublic());
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM, for clients to trust (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, a Java trust store). */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server side: this key and certificate. */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers().getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** The key and certificate as the HTTP server takes them. */
    public KeyManagerFactory keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keyPair.getPrivate(), PASSWORD, new Certificate[] { certificate });
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASSWORD);
            return kmf;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** A client side that trusts this certificate only: for tests and embedded use. */
    public SSLContext clientContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("mindee-local", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    // ---- the DER of RFC 5280, just what a server certificate needs ----

    private static final byte[] ECDSA_WITH_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));

    private static byte[] tbsCertificate(KeyPair keyPair, Set<String> names, Instant now, Duration validity)
            throws GeneralSecurityException {
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7f; // a positive serial number
        byte[] name = sequence(set(sequence(oid("2.5.4.3"), tlv(0x0c, "localhost".getBytes(StandardCharsets.UTF_8)))));
        byte[] validityDates = sequence(time(now.minus(Duration.ofDays(1))), time(now.plus(validity)));
        byte[] extensions = tlv(0xa3, sequence(
                extension("2.5.29.17", false, subjectAltNames(names)),
                extension("2.5.29.19", true, sequence()), // basic constraints: not a CA
                extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))))); // server authentication
        return sequence(
                tlv(0xa0, integer(BigInteger.TWO)), // version 3
                integer(new BigInteger(serial)),
                ECDSA_WITH_SHA256,
                name,
                validityDates,
                name,
                keyPair.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                extensions);
    }

    private static byte[] subjectAltNames(Set<String> names) throws GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            if (name.matches("[0-9.]+") || name.contains(":")) {
                try {
                    out.writeBytes(tlv(0x87, InetAddress.getByName(name).getAddress())); // iPAddress
                } catch (java.net.UnknownHostException e) {
                    throw new GeneralSecurityException("not an address: " + name, e);
                }
            } else {
                out.writeBytes(tlv(0x82, name.getBytes(StandardCharsets.US_ASCII))); // dNSName
            }
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? sequence(oid(oid), tlv(0x01, new byte[] { (byte) 0xff }), tlv(0x04, value))
                : sequence(oid(oid), tlv(0x04, value));
    }

    private static byte[] time(Instant instant) {
        // UTCTime up to 2049, GeneralizedTime after, as RFC 5280 asks
        var utc = instant.atOffset(ZoneOffset.UTC);
        boolean generalized = utc.getYear() >= 2050;
        String text = utc.format(DateTimeFormatter.ofPattern(generalized ? "yyyyMMddHHmmss'Z'" : "yyMMddHHmmss'Z'"));
        return tlv(generalized ? 0x18 : 0x17, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            while ((arc >> (7 * groups)) > 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... items) {
        return tlv(0x30, concat(items));
    }

    private static byte[] set(byte[]... items) {
        return tlv(0x31, concat(items));
    }

    private static byte[] concat(byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] item : items) {
            out.writeBytes(item);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
