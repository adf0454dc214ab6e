package org.consilium.identity.testing;

/**
 * What the token endpoint issued.
 *
 * @param idToken null for client_credentials
 */
public record TokenResponse(String accessToken, String idToken, String tokenType) {

    /** The value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + accessToken;
    }
}
