/**
 * The state API: typed reads and writes with ETags, bulk calls, transactions and queries.
 */
@NullMarked
package dev.daprspring.core.state;

import org.jspecify.annotations.NullMarked;
