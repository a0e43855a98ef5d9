package org.kehou.organization;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.kehou.platform.ChineseIdNumber;

/**
 * Deterministic synthetic people for the demo city and benchmark datasets: common family names, generated given
 * names, ID numbers with valid check digits in the county's area code, and mobile numbers in the 199 range that
 * no carrier has issued to real subscribers in this data.
 */
final class SyntheticPeople {

    private static final String FAMILY =
            "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "子涵欣怡梓萱诗琪雨桐一诺浩然宇轩博文思远俊杰嘉怡佳琪晨曦明轩皓宇若曦语彤梦琪天佑泽宇奕辰可馨雅婷锦程铭泽昊然紫涵书瑶景行沐阳安琪乐瑶嘉懿";

    private final Random random;
    private final Set<String> usedIds = new HashSet<>();
    private long mobileSequence;

    SyntheticPeople(long seed, long mobileStart) {
        this.random = new Random(seed);
        this.mobileSequence = mobileStart;
    }

    String familyName() {
        return String.valueOf(FAMILY.charAt(random.nextInt(FAMILY.length())));
    }

    String name(String family) {
        StringBuilder b = new StringBuilder(family).append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(4) > 0) {
            b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return b.toString();
    }

    /** A unique valid ID number for someone born on the day, in the area. */
    ChineseIdNumber idNumber(String areaCode, LocalDate born, boolean male) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = areaCode + born.toString().replace("-", "") + String.format("%03d", sequence);
            String id = first17 + ChineseIdNumber.checkCharacter(first17);
            if (usedIds.add(id)) {
                return ChineseIdNumber.of(id);
            }
        }
    }

    /**
     * Forgets the ID numbers issued so far, so that a generator moving on to another area code keeps only that
     * area's numbers in memory; numbers of different areas can never collide.
     */
    void forgetIssuedIdNumbers() {
        usedIds.clear();
    }

    /** A birthday of a child in the grade in the school year (a first-grader is six on 31 August). */
    LocalDate birthDate(int schoolYear, int grade) {
        LocalDate start = LocalDate.of(schoolYear - 6 - grade + 1, 9, 1);
        return start.minusDays(random.nextInt(365) + 1);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    String mobile() {
        return "199" + String.format("%08d", mobileSequence++);
    }
}
