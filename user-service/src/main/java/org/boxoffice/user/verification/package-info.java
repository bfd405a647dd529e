/**
 * Email verification: the account's owner proves the address is theirs with a code mailed to it. Announced to
 * notification-service as {@code EmailVerificationRequested} (the code to mail) and {@code EmailVerified}.
 */
@NullMarked
package org.boxoffice.user.verification;

import org.jspecify.annotations.NullMarked;
