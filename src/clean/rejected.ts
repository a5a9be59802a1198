/** An input that is refused outright, not cleaned: the message is the reason given in the build report. */
export class InputRejected extends Error {
  override name = "InputRejected";
}
