package org.consilium.mdt.directory;

import java.util.Locale;
import java.util.Map;

/** Tumour groups (the subspecialties specialists and sessions are organised by), from triage's cancer types. */
public final class TumourGroups {
    public static final String GENERAL = "general";

    private static final Map<String, String> BY_CANCER_TYPE = Map.ofEntries(
            Map.entry("lung", "thoracic"), Map.entry("breast", "breast"), Map.entry("colorectal", "lower-gi"),
            Map.entry("gastric", "upper-gi"), Map.entry("oesophageal", "upper-gi"), Map.entry("liver", "hpb"),
            Map.entry("pancreatic", "hpb"), Map.entry("prostate", "urology"), Map.entry("lymphoma", "haematology"),
            Map.entry("head-and-neck", "head-and-neck"));

    private TumourGroups() {
    }

    /** The tumour group of a cancer type; {@value #GENERAL} for a type no group claims. */
    public static String of(String cancerType) {
        return cancerType == null ? GENERAL : BY_CANCER_TYPE.getOrDefault(cancerType.toLowerCase(Locale.ROOT), GENERAL);
    }
}
