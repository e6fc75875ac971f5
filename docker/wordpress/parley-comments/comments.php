<?php
/**
 * The comments template of classic themes, replaced by Parley's thread (see the comments_template filter in
 * parley-comments.php).
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

parley_comments_print_thread( get_post() );
