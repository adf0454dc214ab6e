package org.consilium.console.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the provider sends the browser after RP-initiated logout: both sessions are over. */
@Controller
class SignedOutController {

    @GetMapping(ConsoleSecurity.SIGNED_OUT)
    String signedOut() {
        return "signed-out";
    }
}
