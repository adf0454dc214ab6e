package org.consilium.records.upload;

import org.apache.tika.Tika;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** What a file really is, from its first bytes and its name (Apache Tika's magic and glob rules). */
@Component
public class ContentTypes {
    private final Tika tika = new Tika();

    public String detect(byte[] head, String filename) {
        try {
            return tika.detect(new ByteArrayInputStream(head), filename);
        } catch (IOException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
