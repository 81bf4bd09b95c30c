/** The password rule as the host applies it (core/auth/password.ts passwordProblem), for help texts. */
export const PASSWORD_HINT = '至少 8 位，须同时包含字母和数字，不能包含用户名';
