/** An input that is refused outright, not cleaned: the message is the reason given in the build report. */
export class InputRejected extends Error {
  override name = "InputRejected";
  /** The name of the check that refused it, for the build report's message record. */
  readonly rule: string;

  constructor(message: string, rule = "rejected") {
    super(message);
    this.rule = rule;
  }
}
