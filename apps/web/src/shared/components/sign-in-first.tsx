import { Navigate, useLocation } from 'react-router';
import { withNext } from '../lib/next-path';

/** Nobody is signed in: off to the sign-in page, which brings the visitor back here afterwards. */
export function SignInFirst() {
  const { pathname, search, hash } = useLocation();
  return <Navigate to={withNext('/sign-in', `${pathname}${search}${hash}`)} replace />;
}
