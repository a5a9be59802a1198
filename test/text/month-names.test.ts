// The months' names read from Intl (ICU's data) must be the ones the code listed by hand before: the date-line
// words the headline models learned with (src/clean/date-words.ts) and the German months after an ordinal day
// (src/text/sentences.ts). A Node whose ICU names a month otherwise fails here, not in a model.
import { describe, expect, it } from "vitest";
import { monthNames } from "../../src/text/month-names.ts";

describe("monthNames", () => {
  it("gives German and Austrian German months, Jänner included, each once", () => {
    expect(monthNames(["de", "de-AT"])).toEqual("januar februar märz april mai juni juli august september oktober november dezember jänner".split(" "));
  });

  it("gives the eight languages' months as the date-line words listed them, Polish in the genitive a date writes", () => {
    const listed = (
      "january february march april may june july august september october november december " +
      "januar jänner februar märz mai juni juli oktober dezember " +
      "janvier février mars avril juin juillet août septembre octobre novembre décembre " +
      "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre " +
      "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre " +
      "januari februari maart mei augustus oktober " +
      "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro " +
      "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    ).split(" ");
    expect(new Set(monthNames(["en", "de", "de-AT", "fr", "es", "it", "nl", "pt", "pl"]))).toEqual(new Set(listed));
  });
});
