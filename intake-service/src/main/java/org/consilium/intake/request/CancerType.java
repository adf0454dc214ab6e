package org.consilium.intake.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Cancer types the triage and checklist rules know; {@code other} still gets a generic panel. */
public enum CancerType {
    LUNG("lung"), BREAST("breast"), COLORECTAL("colorectal"), GASTRIC("gastric"), OESOPHAGEAL("oesophageal"),
    LIVER("liver"), PANCREATIC("pancreatic"), PROSTATE("prostate"), LYMPHOMA("lymphoma"),
    HEAD_AND_NECK("head-and-neck"), OTHER("other");

    private final String code;

    CancerType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CancerType fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cancer type '" + code + "', expected one of "
                        + Arrays.stream(values()).map(CancerType::code).collect(Collectors.joining(", "))));
    }
}
