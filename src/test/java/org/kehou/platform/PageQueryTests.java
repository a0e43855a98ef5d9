package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** List pages: bounded sizes, and no request text ever reaching the SQL (§4). */
class PageQueryTests {

    private static final Map<String, String> SORT = Map.of("name", "s.name", "code", "s.code");

    @Test
    void keepsSizeWithinOneToHundred() {
        assertThat(query(0, 25).size()).isEqualTo(25);
        assertThat(query(0, 1).size()).isEqualTo(1);
        assertThat(query(0, 100).size()).isEqualTo(100);
        assertThat(query(0, 101).size()).isEqualTo(PageQuery.MAX_SIZE);
        assertThat(query(0, Integer.MAX_VALUE).size()).isEqualTo(100);
    }

    @Test
    void usesTwentyRowsWhenNoSizeOrANonPositiveOneIsAsked() {
        assertThat(query(0, 0).size()).isEqualTo(20);
        assertThat(query(0, -5).size()).isEqualTo(20);
    }

    @Test
    void turnsNegativePageIntoTheFirst() {
        assertThat(query(-3, 20).page()).isZero();
        assertThat(query(-3, 20).offset()).isZero();
    }

    @Test
    void offsetIsPageTimesSize() {
        assertThat(query(3, 25).offset()).isEqualTo(75);
    }

    @Test
    void offsetDoesNotOverflowForFarPages() {
        assertThat(query(Integer.MAX_VALUE, 100).offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }

    @Test
    void ordersByTheColumnOfAnAllowListedKey() {
        assertThat(sorted("code", false).orderBy(SORT, "name")).isEqualTo("s.code asc");
        assertThat(sorted("code", true).orderBy(SORT, "name")).isEqualTo("s.code desc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "s.code", "name; drop table x", "name desc, (select 1)", "NAME", ""})
    void fallsBackToTheDefaultColumnForAKeyNotOnTheList(String sort) {
        String clause = sorted(sort, true).orderBy(SORT, "name");

        assertThat(clause).isEqualTo("s.name desc");
    }

    @Test
    void fallsBackToTheDefaultColumnWhenNoSortKeyIsGiven() {
        assertThat(new PageQuery(0, 20, null, false, "").orderBy(SORT, "name")).isEqualTo("s.name asc");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(searching("50%_off").likePattern()).isEqualTo("%50\\%\\_off%");
    }

    @Test
    void escapesTheEscapeCharacterFirst() {
        assertThat(searching("a\\b").likePattern()).isEqualTo("%a\\\\b%");
        assertThat(searching("\\%").likePattern()).isEqualTo("%\\\\\\%%");
    }

    @Test
    void emptySearchMatchesEverything() {
        assertThat(searching("").likePattern()).isEqualTo("%%");
        assertThat(searching(null).likePattern()).isEqualTo("%%");
    }

    @Test
    void trimsSearch() {
        assertThat(searching("  王小明 \t").search()).isEqualTo("王小明");
    }

    @Test
    void limitsSearchToFiftyCharacters() {
        String longText = "测".repeat(30) + "试".repeat(30);

        assertThat(searching(longText).search()).hasSize(50).isEqualTo(longText.substring(0, 50));
        assertThat(searching("x".repeat(50)).search()).hasSize(50);
    }

    private static PageQuery query(int page, int size) {
        return new PageQuery(page, size, "name", false, "");
    }

    private static PageQuery sorted(String sort, boolean descending) {
        return new PageQuery(0, 20, sort, descending, "");
    }

    private static PageQuery searching(String search) {
        return new PageQuery(0, 20, "name", false, search);
    }
}
