package org.consilium.mdt.guest;

import reactor.core.publisher.Mono;

/** Who holds a link: the guest whose current link it is, seated on the panel of that case; empty otherwise. */
public interface GuestLinkHolders {
    Mono<Guest> holder(String caseId, String linkId);
}
