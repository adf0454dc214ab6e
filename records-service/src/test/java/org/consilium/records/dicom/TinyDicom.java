package org.consilium.records.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes tiny DICOM Part 10 files for tests: a preamble, "DICM", the meta group and a few data set elements. */
public final class TinyDicom {
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicit;

    private TinyDicom(boolean explicit) {
        this.explicit = explicit;
    }

    /** A CT image of the study, with a nested sequence of undefined length before the study UID and some pixels. */
    public static byte[] ct(String studyUid, String modality, String studyDate, String transferSyntax, int pixelBytes) {
        TinyDicom meta = new TinyDicom(true);
        meta.element(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.2");
        meta.text(0x0002, 0x0003, "UI", "1.2.826.0.1.3680043.8.498.99");
        meta.text(0x0002, 0x0010, "UI", transferSyntax);
        byte[] metaBytes = meta.out.toByteArray();

        TinyDicom data = new TinyDicom(!IMPLICIT_LE.equals(transferSyntax));
        data.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.2");
        if (studyDate != null) {
            data.text(0x0008, 0x0020, "DA", studyDate);
        }
        if (modality != null) {
            data.text(0x0008, 0x0060, "CS", modality);
        }
        // (0008,1110) Referenced Study Sequence, undefined length, one item of undefined length
        data.header(0x0008, 0x1110, "SQ", 0xFFFFFFFF);
        data.tagOnly(0xFFFE, 0xE000, 0xFFFFFFFF);
        data.text(0x0008, 0x1150, "UI", "1.2.840.10008.3.1.2.3.1");
        data.tagOnly(0xFFFE, 0xE00D, 0);
        data.tagOnly(0xFFFE, 0xE0DD, 0);
        data.text(0x0010, 0x0010, "PN", "Test^Patient");
        if (studyUid != null) {
            data.text(0x0020, 0x000D, "UI", studyUid);
        }
        data.text(0x0020, 0x000E, "UI", studyUid + ".1");
        data.element(0x7FE0, 0x0010, "OW", new byte[pixelBytes]);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        TinyDicom groupLength = new TinyDicom(true);
        groupLength.element(0x0002, 0x0000, "UL", le(4).putInt(metaBytes.length).array());
        file.writeBytes(groupLength.out.toByteArray());
        file.writeBytes(metaBytes);
        file.writeBytes(data.out.toByteArray());
        return file.toByteArray();
    }

    private void text(int group, int element, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 1) {
            byte[] padded = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, padded, 0, bytes.length);
            padded[bytes.length] = "UI".equals(vr) ? 0 : (byte) ' ';
            bytes = padded;
        }
        element(group, element, vr, bytes);
    }

    private void element(int group, int element, String vr, byte[] value) {
        header(group, element, vr, value.length);
        out.writeBytes(value);
    }

    private void header(int group, int element, String vr, int length) {
        out.writeBytes(le(4).putShort((short) group).putShort((short) element).array());
        if (!explicit) {
            out.writeBytes(le(4).putInt(length).array());
        } else if (java.util.Set.of("OB", "OW", "SQ", "UN", "UT").contains(vr)) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[2]);
            out.writeBytes(le(4).putInt(length).array());
        } else {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(le(2).putShort((short) length).array());
        }
    }

    private void tagOnly(int group, int element, int length) {
        out.writeBytes(le(8).putShort((short) group).putShort((short) element).putInt(length).array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
