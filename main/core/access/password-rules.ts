import { AppError } from '@common/contract/result.js';
import { passwordProblems } from '@common/domain/shared/password-policy.js';

export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The password does not meet the policy: ${problems.join(', ')}`, {
      fields: { [field]: problems.map((p) => `password.${p}`) },
    });
  }
}
