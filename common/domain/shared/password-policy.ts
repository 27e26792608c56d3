// Officers type these at a shared counter: long enough to resist guessing, no forced symbol soup.
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'tooShort' | 'needsLetter' | 'needsDigit' | 'containsUsername' | 'tooLong';

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > 128) problems.push('tooLong');
  if (!/\p{L}/u.test(password)) problems.push('needsLetter');
  if (!/\p{N}/u.test(password)) problems.push('needsDigit');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('containsUsername');
  return problems;
}
