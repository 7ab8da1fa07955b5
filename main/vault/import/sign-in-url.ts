/** `https://123456789012.signin.aws.amazon.com/console` -> "123456789012". Aliases give undefined. */
export function accountIdFromSignInUrl(url: string): string | undefined {
  const match = /^https:\/\/(\d{12})\.signin\.(?:aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)(?:[/:?#]|$)/i.exec(url.trim());
  return match?.[1];
}
