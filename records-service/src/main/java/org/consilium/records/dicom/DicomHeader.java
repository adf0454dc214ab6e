package org.consilium.records.dicom;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately small DICOM Part 10 header reader: finds Study Instance UID (0020,000D),
 * Modality (0008,0060) and Study Date (0008,0020) in the first bytes of a file. It reads the file
 * meta group (explicit VR little endian), then the data set in explicit or implicit VR little
 * endian (every transfer syntax except the retired big endian and deflate, whose headers are
 * little endian too: compressed pixel data comes after the tags read here). Bounded: it reads
 * only the bytes given (the first 64 KB of the upload), stops after the last wanted tag, skips
 * sequences of undefined length up to a fixed depth, and gives up on anything malformed.
 */
public final class DicomHeader {
    static final int PREAMBLE = 128;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    private static final String EXPLICIT_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final int STUDY_DATE = tag(0x0008, 0x0020);
    private static final int MODALITY = tag(0x0008, 0x0060);
    private static final int STUDY_INSTANCE_UID = tag(0x0020, 0x000D);
    private static final int ITEM = tag(0xFFFE, 0xE000);
    private static final int ITEM_END = tag(0xFFFE, 0xE00D);
    private static final int SEQUENCE_END = tag(0xFFFE, 0xE0DD);
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_ELEMENTS = 20_000;

    private final ByteBuffer in;
    private boolean explicit = true;
    private int elements;

    private DicomHeader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether the bytes start like a DICOM Part 10 file: a 128-byte preamble, then "DICM". */
    public static boolean isDicom(byte[] head) {
        if (head.length < PREAMBLE + MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[PREAMBLE + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The study of the file, if its header is readable and names a Study Instance UID. */
    public static Optional<DicomStudy> study(byte[] head) {
        if (!isDicom(head)) {
            return Optional.empty();
        }
        try {
            return new DicomHeader(head).read();
        } catch (BufferUnderflowException | IllegalArgumentException | MalformedHeader e) {
            return Optional.empty();
        }
    }

    private Optional<DicomStudy> read() {
        in.position(PREAMBLE + MAGIC.length);
        String transferSyntax = null;
        // file meta information: group 0002, always explicit VR little endian
        while (in.remaining() >= 8 && in.getShort(in.position()) == 0x0002) {
            Element e = element();
            if (e.tag == tag(0x0002, 0x0010)) {
                transferSyntax = text(e);
            } else {
                skip(e);
            }
        }
        if (EXPLICIT_BIG_ENDIAN.equals(transferSyntax) || DEFLATED.equals(transferSyntax)) {
            return Optional.empty();
        }
        explicit = !IMPLICIT_LITTLE_ENDIAN.equals(transferSyntax);
        String uid = null;
        String modality = null;
        LocalDate date = null;
        while (in.remaining() >= 8) {
            Element e = element();
            if (Integer.compareUnsigned(e.tag, STUDY_INSTANCE_UID) > 0) {
                break;
            }
            if (e.tag == STUDY_DATE) {
                date = date(text(e));
            } else if (e.tag == MODALITY) {
                modality = text(e);
            } else if (e.tag == STUDY_INSTANCE_UID) {
                uid = text(e);
                break;
            } else {
                skip(e);
            }
        }
        return uid == null || uid.isEmpty() ? Optional.empty()
                : Optional.of(new DicomStudy(uid, modality == null || modality.isEmpty() ? null : modality, date));
    }

    private Element element() {
        if (++elements > MAX_ELEMENTS) {
            throw new MalformedHeader();
        }
        int group = Short.toUnsignedInt(in.getShort());
        int number = Short.toUnsignedInt(in.getShort());
        int tag = tag(group, number);
        if (group == 0xFFFE || !explicit && group != 0x0002) {
            return new Element(tag, Integer.toUnsignedLong(in.getInt()));
        }
        String vr = new String(new byte[] {in.get(), in.get()}, StandardCharsets.US_ASCII);
        if (LONG_VRS.contains(vr)) {
            in.getShort(); // reserved
            return new Element(tag, Integer.toUnsignedLong(in.getInt()));
        }
        return new Element(tag, Short.toUnsignedInt(in.getShort()));
    }

    private void skip(Element e) {
        if (e.length == UNDEFINED) {
            skipSequence(1);
        } else {
            advance(e.length);
        }
    }

    /** Items until the sequence delimiter; an item of undefined length holds elements until its delimiter. */
    private void skipSequence(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedHeader();
        }
        while (true) {
            Element e = element();
            if (e.tag == SEQUENCE_END) {
                return;
            }
            if (e.tag != ITEM) {
                throw new MalformedHeader();
            }
            if (e.length != UNDEFINED) {
                advance(e.length);
                continue;
            }
            for (Element inner = element(); inner.tag != ITEM_END; inner = element()) {
                if (inner.length == UNDEFINED) {
                    skipSequence(depth + 1);
                } else {
                    advance(inner.length);
                }
            }
        }
    }

    private void advance(long length) {
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        in.position(in.position() + (int) length);
    }

    private String text(Element e) {
        if (e.length == UNDEFINED || e.length > 1024) {
            throw new MalformedHeader();
        }
        byte[] value = new byte[(int) e.length];
        in.get(value);
        return new String(value, StandardCharsets.US_ASCII).replaceAll("[\\s\\x00]+$", "").trim();
    }

    private static LocalDate date(String da) {
        String digits = da.replace(".", "");
        if (!digits.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int tag(int group, int element) {
        return group << 16 | element;
    }

    private record Element(int tag, long length) {
    }

    private static final class MalformedHeader extends RuntimeException {
        MalformedHeader() {
            super(null, null, false, false);
        }
    }
}
