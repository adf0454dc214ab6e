package org.consilium.mdt.review;

import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestLinkHolders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The guest a link stands for: the one whose current link it is, seated on that case's panel. */
@Component
class SeatedGuests implements GuestLinkHolders {
    private final ReviewRepository reviews;

    SeatedGuests(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Mono<Guest> holder(String caseId, String linkId) {
        return reviews.findById(caseId).flatMap(review -> Mono.justOrEmpty(review.seatedGuestWithLink(linkId)));
    }
}
