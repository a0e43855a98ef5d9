package org.kehou.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The shape of a generated benchmark dataset (ORG-1): which counties are populated, their schools with stage,
 * classes and class sizes, and how many staff each school has. The plan is small (one record per class) and fully
 * determined by the size, the seed and the county; the people are generated from it later, school by school.
 */
record DatasetPlan(Size size, long seed, int schoolYear, List<CountyPlan> counties) {

    /** One member of staff per this many students, as the size of a school's staff. */
    static final int STUDENTS_PER_STAFF = 16;

    /** Stages of a county's schools in turn: 12 primary, 5 junior middle and 3 nine-year schools in every 20. */
    private static final String STAGE_PATTERN = "PJNPPJPPPNPJPPJPPNPJ";

    /** How large a dataset is. */
    enum Size {
        /** One county, one school of each stage, one small class per grade: for tests. */
        SAMPLE(false, 3, 10, 14),
        /** One county of about 60,000 students in 90 schools. */
        COUNTY(false, 90, 40, 49),
        /** All 15 counties of Luoyang, 1,500 schools, about 1,000,000 students. */
        CITY(true, 100, 40, 49);

        private final boolean wholeCity;
        private final int schoolsPerCounty;
        private final int smallestClass;
        private final int largestClass;

        Size(boolean wholeCity, int schoolsPerCounty, int smallestClass, int largestClass) {
            this.wholeCity = wholeCity;
            this.schoolsPerCounty = schoolsPerCounty;
            this.smallestClass = smallestClass;
            this.largestClass = largestClass;
        }

        static Size of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "kehou.generate must be sample, county or city, not '" + name + "'", e);
            }
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        private int classesPerGrade(Stage stage, int grade, Random random) {
            if (this == SAMPLE) {
                return 1;
            }
            return switch (stage) {
                case PRIMARY -> 1 + random.nextInt(4);
                case JUNIOR_MIDDLE -> 3 + random.nextInt(5);
                case NINE_YEAR -> Stage.isJuniorMiddleGrade(grade) ? 1 + random.nextInt(3) : 1 + random.nextInt(2);
            };
        }
    }

    /** A county of the city; {@code schools} is empty for a county that is created but not populated. */
    record CountyPlan(UUID id, String code, String name, String nameEn, String kind, List<SchoolPlan> schools) {}

    record SchoolPlan(
            UUID id,
            UUID countyId,
            String areaCode,
            String code,
            String name,
            Stage stage,
            String address,
            List<ClassPlan> classes,
            int staff) {

        int students() {
            return classes.stream().mapToInt(ClassPlan::size).sum();
        }

        /** Staff numbers, unique in the city: {@code <school code>-A01} administrator, {@code -T001} teachers. */
        String staffNo(StaffPosition position, int n) {
            return switch (position) {
                case ADMINISTRATOR -> code + "-A%02d".formatted(n);
                case CARE -> code + "-C%02d".formatted(n);
                case TEACHER -> code + "-T%03d".formatted(n);
            };
        }
    }

    record ClassPlan(UUID id, int grade, String name, int size) {}

    /**
     * Plans a dataset.
     *
     * @param countyCode the county populated by the sizes that populate one
     * @param ids where the plan's ids come from, so that they too follow from the seed
     */
    static DatasetPlan of(Size size, long seed, int schoolYear, String countyCode, SeededIds ids) {
        if (!size.wholeCity && DemoCity.COUNTIES.stream().noneMatch(c -> c[0].equals(countyCode))) {
            throw new IllegalArgumentException(
                    "kehou.generate.county must be the code of a county of Luoyang, not '" + countyCode + "'");
        }
        Random random = new Random(seed);
        List<CountyPlan> counties = new ArrayList<>();
        for (String[] c : DemoCity.COUNTIES) {
            UUID countyId = ids.next();
            boolean populated = size.wholeCity || c[0].equals(countyCode);
            List<SchoolPlan> schools = new ArrayList<>();
            if (populated) {
                int[] ordinals = new int[Stage.values().length];
                for (int i = 0; i < size.schoolsPerCounty; i++) {
                    Stage stage = switch (STAGE_PATTERN.charAt(i % STAGE_PATTERN.length())) {
                        case 'P' -> Stage.PRIMARY;
                        case 'J' -> Stage.JUNIOR_MIDDLE;
                        default -> Stage.NINE_YEAR;
                    };
                    int ordinal = ++ordinals[stage.ordinal()];
                    schools.add(school(size, countyId, c, i, stage, ordinal, random, ids));
                }
            }
            counties.add(new CountyPlan(countyId, c[0], c[1], c[2], c[3], List.copyOf(schools)));
        }
        return new DatasetPlan(size, seed, schoolYear, List.copyOf(counties));
    }

    private static SchoolPlan school(
            Size size,
            UUID countyId,
            String[] county,
            int index,
            Stage stage,
            int ordinal,
            Random random,
            SeededIds ids) {
        String kind = switch (stage) {
            case PRIMARY -> "小学";
            case JUNIOR_MIDDLE -> "初级中学";
            case NINE_YEAR -> "九年一贯制学校";
        };
        UUID schoolId = ids.next();
        List<ClassPlan> classes = new ArrayList<>();
        for (int grade : stage.grades()) {
            int count = size.classesPerGrade(stage, grade, random);
            for (int n = 1; n <= count; n++) {
                int students = size.smallestClass + random.nextInt(size.largestClass - size.smallestClass + 1);
                classes.add(new ClassPlan(ids.next(), grade, n + "班", students));
            }
        }
        int students = classes.stream().mapToInt(ClassPlan::size).sum();
        // every class needs a head teacher; beyond that, one member of staff per 16 students
        int staff = Math.max(classes.size() + 2, (students + STUDENTS_PER_STAFF - 1) / STUDENTS_PER_STAFF);
        return new SchoolPlan(
                schoolId,
                countyId,
                county[0],
                county[0] + "%04d".formatted(index + 1),
                county[1] + "第" + chineseNumber(ordinal) + kind,
                stage,
                "洛阳市" + county[1] + "学府路" + (index + 1) + "号",
                List.copyOf(classes),
                staff);
    }

    /** Chinese numerals for 1–999, as in school names: 一, 十二, 二十, 一百零五. */
    static String chineseNumber(int n) {
        if (n < 1 || n > 999) {
            throw new IllegalArgumentException("n must be within 1..999");
        }
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            b.append(digits.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                b.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                b.append(digits.charAt(tens));
            }
            b.append('十');
        }
        if (ones > 0) {
            b.append(digits.charAt(ones));
        }
        return b.toString();
    }

    List<SchoolPlan> schools() {
        return counties.stream().flatMap(c -> c.schools().stream()).toList();
    }

    long students() {
        return schools().stream().mapToLong(SchoolPlan::students).sum();
    }

    long classes() {
        return schools().stream().mapToLong(s -> s.classes().size()).sum();
    }

    long staff() {
        return schools().stream().mapToLong(SchoolPlan::staff).sum();
    }
}
