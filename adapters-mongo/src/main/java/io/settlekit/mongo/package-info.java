/**
 * Port adapters on MongoDB, taking the host's {@link com.mongodb.client.MongoDatabase}: store balance
 * snapshots in the seed's collections ({@link io.settlekit.mongo.MongoBalanceSnapshotStore}), job locks
 * on ShedLock's MongoDB provider ({@link io.settlekit.mongo.MongoJobLocks}) and the ledger of finished
 * job dates ({@link io.settlekit.mongo.MongoJobLedger}). Nothing here needs transactions or a replica set.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.mongo;
