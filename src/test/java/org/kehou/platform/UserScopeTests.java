package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * §2: each role reaches only its own scope. Two counties: {@code A} with schools {@code S1} (the school of the
 * school accounts) and {@code S3}, and {@code B} with school {@code S2}.
 */
class UserScopeTests {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final UUID S1 = UUID.fromString("00000000-0000-7000-8000-000000000051");
    private static final UUID S2 = UUID.fromString("00000000-0000-7000-8000-000000000052");
    private static final UUID S3 = UUID.fromString("00000000-0000-7000-8000-000000000053");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # who                    | roles                 | county | school | city | read A | read B | read S1 | read S3 | read S2 | manage S1 | manage S3 | manage A | manage B
            city admin               | CITY_ADMIN            |        |        | Y    | Y      | Y      | Y       | Y       | Y       | N         | N         | N        | N
            city inspector           | INSPECTOR             |        |        | Y    | Y      | Y      | Y       | Y       | Y       | N         | N         | N        | N
            county inspector         | INSPECTOR             | A      |        | N    | Y      | N      | Y       | Y       | N       | N         | N         | N        | N
            county admin             | COUNTY_ADMIN          | A      |        | N    | Y      | N      | Y       | Y       | N       | N         | N         | Y        | N
            county admin, no county  | COUNTY_ADMIN          |        |        | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            school admin             | SCHOOL_ADMIN          | A      | S1     | N    | N      | N      | Y       | N       | N       | Y         | N         | N        | N
            teacher                  | TEACHER               | A      | S1     | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            instructor               | INSTRUCTOR            | A      |        | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            institution admin        | INSTITUTION_ADMIN     | A      |        | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            guardian                 | GUARDIAN              |        |        | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            teacher and guardian     | TEACHER GUARDIAN      | A      | S1     | N    | N      | N      | N       | N       | N       | N         | N         | N        | N
            school admin and teacher | SCHOOL_ADMIN TEACHER  | A      | S1     | N    | N      | N      | Y       | N       | N       | Y         | N         | N        | N
            """)
    void reachesExactlyTheScopeOfItsRoles(
            String who,
            String roles,
            String county,
            String school,
            String cityWide,
            String readA,
            String readB,
            String readS1,
            String readS3,
            String readS2,
            String manageS1,
            String manageS3,
            String manageA,
            String manageB) {
        UserScope scope = scope(
                Arrays.stream(roles.split(" ")).map(Role::valueOf).collect(Collectors.toSet()),
                county == null ? null : A,
                school == null ? null : S1);

        Map<String, Boolean> actual = new LinkedHashMap<>();
        actual.put("isCityWide", scope.isCityWide());
        actual.put("canReadCounty(A)", scope.canReadCounty(A));
        actual.put("canReadCounty(B)", scope.canReadCounty(B));
        actual.put("canReadSchool(A, S1)", scope.canReadSchool(A, S1));
        actual.put("canReadSchool(A, S3)", scope.canReadSchool(A, S3));
        actual.put("canReadSchool(B, S2)", scope.canReadSchool(B, S2));
        actual.put("canManageSchool(S1)", scope.canManageSchool(S1));
        actual.put("canManageSchool(S3)", scope.canManageSchool(S3));
        actual.put("canManageCounty(A)", scope.canManageCounty(A));
        actual.put("canManageCounty(B)", scope.canManageCounty(B));

        String[] expected = {cityWide, readA, readB, readS1, readS3, readS2, manageS1, manageS3, manageA, manageB};
        Map<String, Boolean> expectedReach = new LinkedHashMap<>();
        int i = 0;
        for (String check : actual.keySet()) {
            expectedReach.put(check, expected[i++].equals("Y"));
        }
        assertThat(actual).as(who).containsExactlyEntriesOf(expectedReach);
    }

    @Test
    void keepsItsOwnCopyOfTheRoles() {
        Set<Role> roles = EnumSet.of(Role.TEACHER);
        UserScope scope = scope(roles, A, S1);

        roles.add(Role.CITY_ADMIN);

        assertThat(scope.has(Role.CITY_ADMIN)).isFalse();
        assertThat(scope.isCityWide()).isFalse();
    }

    private static UserScope scope(Set<Role> roles, UUID county, UUID school) {
        return new UserScope(UUID.randomUUID(), "测试", roles, county, school, null, null, null);
    }
}
