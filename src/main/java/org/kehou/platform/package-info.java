/**
 * Shared platform: sign-in, the signed-in user's scope, the web shell, the clock, Chinese ID and mobile number
 * value types, masking, encryption of personal data and the append-only audit trail.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "平台 Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.kehou.platform;
