package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Language;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class RuleTextAnalyzerTest {
    private static List<String> terms(String field, String text) throws IOException {
        var out = new ArrayList<String>();
        try (var analyzer = new RuleTextAnalyzer(); TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void keepsProtectedRussianWordsWholeWhileStemmingTheirLookAlikes() throws IOException {
        // given words Snowball would merge: «простите»/«прости» with «просто», «судя» with «суд»
        // when analysed
        List<String> terms = terms("agent_ru", "Простите, прости, это просто ошибка. Судя по всему, в суд.");

        // then the protected words stay whole and the others are stemmed
        assertThat(terms).containsExactly("простите", "прости", "эт", "прост", "ошибк", "судя", "по", "всем", "в", "суд");
    }

    @Test
    void protectsWordsAfterLowerCasingAndYoFolding() throws IOException {
        assertThat(terms("customer_ru", "ПРОСТИТЕ")).containsExactly("простите");
        assertThat(RuleTextAnalyzer.protectedWords(Language.RU)).contains("простите", "прости", "судя");
    }

    @Test
    void stillStemsOrdinaryRussianAndEnglishWords() throws IOException {
        assertThat(terms("customer_ru", "жалобу")).containsExactly("жалоб");
        assertThat(terms("customer_en", "complaints")).containsExactly("complaint");
    }

    @Test
    void addsThePlainSpellingOfDisguisedWordsAtTheSamePosition() throws IOException {
        assertThat(terms("customer_en", "sh1t $hit b!tch a$$hole")).containsExactly(
                "sh1t", "shit", "$hit", "shit", "b!tch", "bitch", "a$$hole", "asshol");
        assertThat(terms("customer_ru", "xуй cyкa 6лядь")).containsExactly("xу", "ху", "cyкa", "сук", "6ляд", "бляд");
    }

    @Test
    void leavesMaskedWordsNumbersAndPlainWordsAlone() throws IOException {
        assertThat(terms("customer_en", "f*** f*ck 100 $100 hello")).containsExactly("f***", "f*ck", "100", "100",
                "hello");
        assertThat(terms("customer_ru", "б** с*ка ок")).containsExactly("б**", "с*ка", "ок");
    }
}
