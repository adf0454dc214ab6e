package org.consilium.mdt.review;

import java.time.Instant;
import java.util.List;

/**
 * A coordinator's decision, for one case, that specialists not licensed in the patient's country may
 * sit on its panel in these disciplines (issue 11: the way out of a panel no licensed specialist can
 * fill). Kept on the review so the panel and the patient's report can say who reviews across borders,
 * and on whose decision.
 *
 * @param decidedBy the coordinator's user name, from the token (not from the body)
 * @param reason    why, in the coordinator's words (e.g. the rule that allows tele-radiology second reads)
 */
public record LicensureWidening(List<String> disciplines, String reason, String decidedBy, Instant decidedAt) {
    public LicensureWidening {
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }
}
