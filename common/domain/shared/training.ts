// Training mode runs on fictitious data that never leaves the workstation, so its shared password is no
// secret: the login screen shows it and the seed hashes it. One definition for both.

export const TRAINING_PASSWORD = 'Latihan2026';
