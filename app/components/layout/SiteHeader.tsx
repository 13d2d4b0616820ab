import { Form, Link, NavLink } from "@remix-run/react";
import type { NavigationItem } from "~/components/layout/navigation";

// The NHS logo path, as published in nhsuk-frontend's header component.
const NHS_LOGO_PATH =
  "M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z";

type Account = { name: string; navigation: NavigationItem[] } | null;

/** The NHS.UK header: signed in, the account area (name, sign out) and the service menu; signed out, "Sign in". */
export function SiteHeader({ account }: { account: Account }) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label="Anchor Charter homepage">
            <svg
              className="nhsuk-header__logo"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 200 80"
              height="40"
              width="100"
              focusable="false"
              role="img"
              aria-label="NHS"
            >
              <title>NHS</title>
              <path fill="currentcolor" d={NHS_LOGO_PATH} />
            </svg>
          </Link>
          <span className="nhsuk-header__service-name">Anchor Charter</span>
        </div>
        {account ? <AccountArea name={account.name} /> : <SignInLink />}
      </div>
      {account ? <ServiceMenu items={account.navigation} /> : null}
    </header>
  );
}

/** Signed out: the way in, from every page (the sign-in page itself included, harmlessly). */
function SignInLink() {
  return (
    <nav className="nhsuk-header__account" aria-label="Account">
      <ul className="nhsuk-header__account-list">
        <li className="nhsuk-header__account-item">
          <Link className="nhsuk-header__account-link" to="/sign-in">
            Sign in
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function AccountArea({ name }: { name: string }) {
  return (
    <nav className="nhsuk-header__account" aria-label="Account">
      <ul className="nhsuk-header__account-list">
        <li className="nhsuk-header__account-item">
          <Link className="nhsuk-header__account-link" to="/account">
            {name}
            <span className="nhsuk-u-visually-hidden"> (your account)</span>
          </Link>
        </li>
        <li className="nhsuk-header__account-item">
          {/* A post, as signing out changes state; works without JavaScript. */}
          <Form className="nhsuk-header__account-form" method="post" action="/sign-out">
            <button className="nhsuk-header__account-button" type="submit">
              Sign out
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}

function ServiceMenu({ items }: { items: NavigationItem[] }) {
  return (
    <nav className="nhsuk-header__navigation" aria-label="Menu">
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list">
          {items.map((item) => (
            <li className="nhsuk-header__navigation-item" key={item.href}>
              <NavLink
                className="nhsuk-header__navigation-link"
                to={item.href}
                // Only the current page is highlighted: a link that is the start of another
                // (the place summary, before its comparison) matches only itself.
                end={items.some((other) => other.href.startsWith(`${item.href}/`))}
              >
                {item.text}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
