package com.forum.web.security;

import java.time.Duration;
import java.util.Optional;

import com.forum.member.MemberDirectory;
import com.forum.member.NameFolding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an owner out. Every attempt takes a token from
 * two buckets before the password is checked, and a right password gives them back, so what stays counted
 * are the failures:
 * <ul>
 * <li>per account and client address: a stranger failing from their address uses up only that pair; the
 * owner signing in from another address, or from a browser the account trusts, is not slowed at all;
 * <li>per client address over all accounts: one address spraying a password over many accounts is slowed
 * down after a few dozen failures, whichever accounts it tries.
 * </ul>
 * A browser that signed in to the account before ({@link TrustedDevices}) counts its failures per browser
 * instead of per address, and is not held back by its address's spraying limit: an owner behind the same
 * shared address as an attacker still gets in. Taking the token first makes the count exact under
 * concurrency: 100 guesses sent at once against a limit of 5 get 5 password checks.
 * <p>
 * The account is the member the name resolves to, so every spelling that signs in to an account ({@code
 * İ} for {@code i}, any case) shares its counters; a name of no account is counted by its folded form.
 * The limits are {@code forum.security.sign-in.*}; both the page sign-in and the API's token exchange come
 * through here (see {@link ThrottledAuthenticationProvider}).
 */
@Component
class SignInThrottle {

	static final String PER_ACCOUNT_AND_ADDRESS = "sign-in";

	static final String PER_ADDRESS = "sign-in-address";

	private final RateLimiter limiter;

	private final ClientAddress addresses;

	private final MemberDirectory members;

	private final TrustedDevices devices;

	private final SecurityProperties.SignInProperties limits;

	SignInThrottle(RateLimiter limiter, ClientAddress addresses, MemberDirectory members, TrustedDevices devices,
			SecurityProperties properties) {
		this.limiter = limiter;
		this.addresses = addresses;
		this.members = members;
		this.devices = devices;
		this.limits = properties.signIn();
	}

	/**
	 * An attempt to sign in as {@code username}, counted as a failure until {@link #succeeded} says
	 * otherwise; refused with {@link LoginThrottledException} when either bucket is empty.
	 */
	Attempt begin(String username, HttpServletRequest request) {
		String account = account(username);
		Optional<String> device = request == null ? Optional.empty() : devices.deviceFor(request, account);
		String address = request == null ? "unknown" : addresses.of(request);
		Attempt attempt = new Attempt(account, address,
				account + ":" + device.map(id -> "device:" + id).orElse("address:" + address), device.isEmpty());
		Optional<Duration> wait = limiter.take(PER_ACCOUNT_AND_ADDRESS, limits.failuresPerAccountAndAddress(),
				attempt.pair());
		if (wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		if (attempt.countsAgainstAddress()) {
			wait = limiter.take(PER_ADDRESS, limits.failuresPerAddress(), address);
			if (wait.isPresent()) {
				limiter.giveBack(PER_ACCOUNT_AND_ADDRESS, limits.failuresPerAccountAndAddress(), attempt.pair());
				throw new LoginThrottledException(wait.get());
			}
		}
		return attempt;
	}

	/** The password was right: the pair's failures are forgiven and the browser is trusted from now on. */
	void succeeded(Attempt attempt, HttpServletRequest request, HttpServletResponse response) {
		limiter.clear(PER_ACCOUNT_AND_ADDRESS, limits.failuresPerAccountAndAddress(), attempt.pair());
		if (attempt.countsAgainstAddress()) {
			limiter.giveBack(PER_ADDRESS, limits.failuresPerAddress(), attempt.address());
		}
		if (request != null && response != null) {
			devices.trust(request, response, attempt.account());
		}
	}

	private String account(String username) {
		String name = username == null ? "" : username;
		return members.credentials(name)
			.map(credentials -> "member:" + credentials.id().value())
			.orElseGet(() -> {
				// compatibility and case forms (İ, full-width letters) share a counter, as they share names
				String folded = NameFolding.fold(name);
				// whatever length a stranger types, the key stays short
				return "name:" + (folded.length() > 64 ? RateLimiter.digest(folded) : folded);
			});
	}


	/**
	 * @param account whose password was tried ({@code member:12}, or {@code name:<folded>})
	 * @param address the client address
	 * @param pair the bucket of this account from this address or trusted browser
	 * @param countsAgainstAddress false for a trusted browser, whose address's spraying limit does not hold it
	 */
	record Attempt(String account, String address, String pair, boolean countsAgainstAddress) {
	}
}
