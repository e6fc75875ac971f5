<?php
/**
 * Plugin Name:       Parley comments
 * Description:       Replaces the theme's comments with the thread Parley renders. WordPress fetches the thread on the server and prints it into the post's HTML: no JavaScript, no third-party cookies.
 * Version:           1.0.0
 * Requires at least: 5.9
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 *
 * Install: copy this folder into wp-content/plugins/, activate the plugin, then set Parley's addresses in
 * Settings › Parley comments. The site's web server must proxy the public prefix (e.g. /comments/) to Parley,
 * so that the thread's links and its reply form reach Parley on this site's own origin.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const PARLEY_COMMENTS_DEFAULT_ADDRESS = 'http://127.0.0.1:8080';
const PARLEY_COMMENTS_DEFAULT_PREFIX  = '/comments';
// The thread is fetched while the reader waits for the page: a Parley that does not answer quickly costs the
// comments, never the post.
const PARLEY_COMMENTS_TIMEOUT_SECONDS = 2;

/** Parley's address as this server reaches it, without a trailing slash (e.g. http://127.0.0.1:8080). */
function parley_comments_address() {
	return untrailingslashit( (string) get_option( 'parley_comments_address', PARLEY_COMMENTS_DEFAULT_ADDRESS ) );
}

/** The path under which this site's web server proxies Parley (e.g. /comments), or '' for none. */
function parley_comments_prefix() {
	return untrailingslashit( (string) get_option( 'parley_comments_prefix', PARLEY_COMMENTS_DEFAULT_PREFIX ) );
}

/**
 * GETs a path of Parley on behalf of the reader: only their Parley cookies go along (their own pending comment,
 * their sign-in), and their IP address, so that Parley's bans and flood control see the reader, not WordPress.
 *
 * @return array{status: int, body: string, etag: string, cache: string}|null null when Parley could not be
 *         reached at all.
 */
function parley_comments_get( $path, array $query, array $headers = array() ) {
	$headers += array( 'Accept' => 'text/html' );
	$cookies = parley_comments_reader_cookies();
	if ( '' !== $cookies ) {
		$headers['Cookie'] = $cookies;
	}
	$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? filter_var( wp_unslash( $_SERVER['REMOTE_ADDR'] ), FILTER_VALIDATE_IP ) : false;
	if ( false !== $ip ) {
		$headers['X-Forwarded-For'] = $ip;
	}
	$response = wp_remote_get(
		parley_comments_address() . parley_comments_prefix() . $path . '?' . parley_comments_query( $query ),
		array(
			'timeout'     => PARLEY_COMMENTS_TIMEOUT_SECONDS,
			'redirection' => 0,
			'headers'     => $headers,
		)
	);
	if ( is_wp_error( $response ) ) {
		return null;
	}
	return array(
		'status' => (int) wp_remote_retrieve_response_code( $response ),
		'body'   => (string) wp_remote_retrieve_body( $response ),
		'etag'   => (string) wp_remote_retrieve_header( $response, 'etag' ),
		'cache'  => (string) wp_remote_retrieve_header( $response, 'cache-control' ),
	);
}

/**
 * The thread as a reader without Parley cookies sees it is the same for everyone: it is kept (a transient) for
 * as long as Parley's Cache-Control allows a shared cache to keep it (s-maxage), then revalidated with its ETag,
 * so that a busy post costs Parley one small request every few seconds. A reader with Parley cookies always gets
 * their own thread, never kept.
 */
function parley_comments_get_thread( array $query ) {
	if ( '' !== parley_comments_reader_cookies() ) {
		return parley_comments_get( '/embed/thread', $query );
	}
	$key  = 'parley_thread_' . md5( wp_json_encode( $query ) );
	$kept = get_transient( $key );
	if ( is_array( $kept ) && $kept['fresh_until'] > time() ) {
		return $kept['answer'];
	}
	$answer = parley_comments_get( '/embed/thread', $query, is_array( $kept ) ? array( 'If-None-Match' => $kept['answer']['etag'] ) : array() );
	if ( null !== $answer && 304 === $answer['status'] && is_array( $kept ) ) {
		$answer = array_merge( $kept['answer'], array( 'cache' => $answer['cache'] ?: $kept['answer']['cache'] ) );
	}
	$shared = null !== $answer && 200 === $answer['status'] && '' !== $answer['etag']
		&& preg_match( '/(?:^|,)\s*public\b/i', $answer['cache'] ) && preg_match( '/s-maxage=(\d+)/i', $answer['cache'], $age );
	if ( $shared ) {
		set_transient( $key, array( 'answer' => $answer, 'fresh_until' => time() + (int) $age[1] ), HOUR_IN_SECONDS );
	} elseif ( is_array( $kept ) ) {
		delete_transient( $key );
	}
	return $answer;
}

/** A query string in which a list gives its name once per value (id=a&id=b), as Parley reads lists. */
function parley_comments_query( array $query ) {
	$pairs = array();
	foreach ( $query as $name => $values ) {
		foreach ( (array) $values as $value ) {
			$pairs[] = rawurlencode( $name ) . '=' . rawurlencode( (string) $value );
		}
	}
	return implode( '&', $pairs );
}

/**
 * The reader's cookies whose names start with "parley", exactly as the browser sent them (PHP's $_COOKIE
 * would hand them over decoded and WordPress's copy with added slashes). No other cookie leaves WordPress.
 */
function parley_comments_reader_cookies() {
	$raw = isset( $_SERVER['HTTP_COOKIE'] ) ? (string) $_SERVER['HTTP_COOKIE'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- forwarded as sent, to Parley only.
	$kept = array();
	foreach ( explode( ';', $raw ) as $pair ) {
		$pair = trim( $pair );
		if ( 0 === strpos( $pair, 'parley' ) && false !== strpos( $pair, '=' ) && ! preg_match( '/[\r\n]/', $pair ) ) {
			$kept[] = $pair;
		}
	}
	return implode( '; ', $kept );
}

/**
 * The post's title as plain text, at most the 300 characters a Parley thread's title holds: Parley escapes it
 * itself, so WordPress's HTML entities (&#8217; for ’) must not reach it.
 */
function parley_comments_plain_title( WP_Post $post ) {
	$title = trim( wp_strip_all_tags( html_entity_decode( get_the_title( $post ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ) );
	return mb_substr( $title, 0, 300 );
}

/** Whether a post shows Parley's thread at all (password-protected, draft and private posts do not). */
function parley_comments_shows_thread( $post ) {
	return $post instanceof WP_Post && is_post_publicly_viewable( $post ) && ! post_password_required( $post );
}

/** Prints Parley's thread of a post, or a short note when Parley cannot give it. */
function parley_comments_print_thread( $post ) {
	if ( ! parley_comments_shows_thread( $post ) ) {
		return;
	}
	$query = array(
		'page' => get_permalink( $post ),
		'id'   => 'wp-' . $post->ID,
	);
	$title = parley_comments_plain_title( $post );
	if ( '' !== $title ) {
		$query['title'] = $title;
	}
	$answer = parley_comments_get_thread( $query );
	if ( null !== $answer && 200 === $answer['status'] && '' !== trim( $answer['body'] ) ) {
		// Parley's own rendering, escaped by Parley: printed as it came, never escaped a second time.
		echo $answer['body']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		return;
	}
	echo '<div class="parley-unavailable" id="comments"><p>' . esc_html__( 'Comments are unavailable right now.', 'parley-comments' ) . '</p>';
	if ( current_user_can( 'manage_options' ) ) {
		// Only the site's administrators learn why, to fix the settings or register the site in Parley.
		$why = null === $answer
			? sprintf( 'Parley did not answer at %s.', parley_comments_address() . parley_comments_prefix() )
			: sprintf( 'Parley answered HTTP %d: %s', $answer['status'], wp_html_excerpt( wp_strip_all_tags( $answer['body'] ), 300, '…' ) );
		echo '<p><small>' . esc_html( $why ) . '</small></p>';
	}
	echo '</div>';
}

/**
 * Parley's number of approved comments on a post, or null when Parley cannot say. The first post asked about
 * brings every post of the page's list along, so a listing costs one request (GET /embed/counts, up to 100
 * posts); each number is kept for the minute Parley lets any cache keep it.
 */
function parley_comments_count( $post_id ) {
	static $known = array();
	if ( array_key_exists( $post_id, $known ) ) {
		return $known[ $post_id ];
	}
	global $wp_query;
	$wanted = array( $post_id );
	foreach ( ( $wp_query instanceof WP_Query ? $wp_query->posts : array() ) as $listed ) {
		if ( $listed instanceof WP_Post ) {
			$wanted[] = $listed->ID;
		}
	}
	$missing = array();
	foreach ( array_slice( array_unique( array_diff( $wanted, array_keys( $known ) ) ), 0, 100 ) as $id ) {
		$kept = get_transient( 'parley_count_' . $id );
		if ( false === $kept ) {
			$missing[] = $id;
		} else {
			$known[ $id ] = (int) $kept;
		}
	}
	if ( $missing ) {
		$home   = wp_parse_url( home_url() );
		$origin = $home['scheme'] . '://' . $home['host'] . ( isset( $home['port'] ) ? ':' . $home['port'] : '' );
		$ids    = array_map(
			function ( $id ) {
				return 'wp-' . $id;
			},
			$missing
		);
		$answer = parley_comments_get( '/embed/counts', array( 'origin' => $origin, 'id' => $ids ), array( 'Accept' => 'application/json' ) );
		$counts = null !== $answer && 200 === $answer['status'] ? json_decode( $answer['body'], true ) : null;
		foreach ( $missing as $id ) {
			$count         = isset( $counts['counts'][ 'id:wp-' . $id ] ) && is_int( $counts['counts'][ 'id:wp-' . $id ] ) ? $counts['counts'][ 'id:wp-' . $id ] : null;
			$known[ $id ] = $count;
			if ( null !== $count ) {
				set_transient( 'parley_count_' . $id, $count, MINUTE_IN_SECONDS );
			}
		}
	}
	return array_key_exists( $post_id, $known ) ? $known[ $post_id ] : null;
}

// "3 Comments" under a post and in lists: Parley's number, where Parley gives one; WordPress's own otherwise.
add_filter(
	'get_comments_number',
	function ( $count, $post_id ) {
		$post = get_post( $post_id );
		if ( ! parley_comments_shows_thread( $post ) ) {
			return $count;
		}
		$parley = parley_comments_count( $post->ID );
		return null === $parley ? $count : $parley;
	},
	10,
	2
);

// Classic themes: comments_template() loads the plugin's comments.php instead of the theme's.
add_filter(
	'comments_template',
	function () {
		return __DIR__ . '/comments.php';
	}
);

// Block themes: the Comments block (heading, list, pagination and form) becomes Parley's thread. Rendering it
// here, before WordPress renders the block, spares the queries for WordPress's own comments.
add_filter(
	'pre_render_block',
	function ( $pre_render, $parsed_block, $parent_block ) {
		if ( ! isset( $parsed_block['blockName'] ) || ! in_array( $parsed_block['blockName'], array( 'core/comments', 'core/post-comments' ), true ) ) {
			return $pre_render;
		}
		$post = ( $parent_block instanceof WP_Block && isset( $parent_block->context['postId'] ) )
			? get_post( $parent_block->context['postId'] )
			: get_post();
		if ( ! $post instanceof WP_Post || ( ! comments_open( $post ) && 0 === (int) get_comments_number( $post ) ) ) {
			return '';
		}
		ob_start();
		parley_comments_print_thread( $post );
		return ob_get_clean();
	},
	10,
	3
);

// WordPress stops taking comments itself, so that two systems do not compete: wp-comments-post.php, the REST
// API and XML-RPC all see comments as closed. Pages keep the post's own setting (Discussion › Allow comments),
// so that themes which ask comments_open() before loading the comments template still show Parley's thread.
add_filter(
	'comments_open',
	function ( $open ) {
		return $open && did_action( 'template_redirect' ) > 0 && ! wp_doing_ajax() && ! ( defined( 'REST_REQUEST' ) && REST_REQUEST );
	}
);

// The thread needs no script; WordPress's reply script would only move a form that is no longer there.
add_action(
	'wp_enqueue_scripts',
	function () {
		wp_dequeue_script( 'comment-reply' );
	},
	100
);

// Settings › Parley comments.
add_action(
	'admin_init',
	function () {
		register_setting(
			'parley_comments',
			'parley_comments_address',
			array(
				'type'              => 'string',
				'default'           => PARLEY_COMMENTS_DEFAULT_ADDRESS,
				'sanitize_callback' => 'parley_comments_sanitize_address',
			)
		);
		register_setting(
			'parley_comments',
			'parley_comments_prefix',
			array(
				'type'              => 'string',
				'default'           => PARLEY_COMMENTS_DEFAULT_PREFIX,
				'sanitize_callback' => 'parley_comments_sanitize_prefix',
			)
		);
	}
);

/** Keeps an http(s) address without a trailing slash; anything else leaves the saved address as it was. */
function parley_comments_sanitize_address( $value ) {
	$address = untrailingslashit( trim( (string) $value ) );
	if ( ! preg_match( '#^https?://[^/?\#\s]+(/[^?\#\s]*)?$#', $address ) ) {
		add_settings_error( 'parley_comments_address', 'parley_comments_address', __( 'Parley’s address must start with http:// or https:// (e.g. http://127.0.0.1:8080).', 'parley-comments' ) );
		return parley_comments_address();
	}
	return $address;
}

/** Keeps a path such as /comments (or nothing); anything else leaves the saved prefix as it was. */
function parley_comments_sanitize_prefix( $value ) {
	$prefix = untrailingslashit( trim( (string) $value ) );
	if ( '' !== $prefix && ( ! preg_match( '#^(/[A-Za-z0-9._~-]+)+$#', $prefix ) || preg_match( '#/\.\.?(/|$)#', $prefix ) ) ) {
		add_settings_error( 'parley_comments_prefix', 'parley_comments_prefix', __( 'The public prefix is a path such as /comments: letters, digits, “-”, “_”, “.”, “~” and “/”, without “.” or “..” steps.', 'parley-comments' ) );
		return parley_comments_prefix();
	}
	return $prefix;
}

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Parley comments', 'parley-comments' ), __( 'Parley comments', 'parley-comments' ), 'manage_options', 'parley-comments', 'parley_comments_settings_page' );
	}
);

function parley_comments_settings_page() {
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Parley comments', 'parley-comments' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'parley_comments' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="parley_comments_address"><?php esc_html_e( 'Parley’s address from this server', 'parley-comments' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="parley_comments_address" name="parley_comments_address" value="<?php echo esc_attr( parley_comments_address() ); ?>" aria-describedby="parley_comments_address_help">
						<p class="description" id="parley_comments_address_help"><?php esc_html_e( 'Where WordPress itself reaches Parley, e.g. http://127.0.0.1:8080. Readers never see it.', 'parley-comments' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="parley_comments_prefix"><?php esc_html_e( 'Public prefix', 'parley-comments' ); ?></label></th>
					<td>
						<input type="text" class="regular-text code" id="parley_comments_prefix" name="parley_comments_prefix" value="<?php echo esc_attr( parley_comments_prefix() ); ?>" aria-describedby="parley_comments_prefix_help">
						<p class="description" id="parley_comments_prefix_help"><?php esc_html_e( 'The path under which this site’s web server passes requests to Parley, e.g. /comments.', 'parley-comments' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
