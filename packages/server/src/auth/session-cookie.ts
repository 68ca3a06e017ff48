/** The browser session cookie set by `POST /login`. */
export const sessionCookie = 'understudy_session';
