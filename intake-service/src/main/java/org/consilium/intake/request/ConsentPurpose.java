package org.consilium.intake.request;

/** The purposes a patient consents to one by one (BRIEF stage 1); each can be withdrawn later. */
public enum ConsentPurpose {
    REVIEW("review"), SHARE_WITH_PANEL("share-with-panel"), CROSS_BORDER_TRANSFER("cross-border-transfer"),
    CONTACT_CURRENT_DOCTOR("contact-current-doctor");

    private final String code;

    ConsentPurpose(String code) {
        this.code = code;
    }

    /** The code in the Consilium consent-purpose code system used in FHIR {@code Consent.provision.purpose}. */
    public String code() {
        return code;
    }

    public boolean grantedIn(CaseIntake.Consent consent) {
        return switch (this) {
            case REVIEW -> consent.review();
            case SHARE_WITH_PANEL -> consent.shareWithPanel();
            case CROSS_BORDER_TRANSFER -> consent.crossBorderTransfer();
            case CONTACT_CURRENT_DOCTOR -> consent.contactCurrentDoctor();
        };
    }
}
