"""Drives learners of the aurora-backup lab at once with boto3, each signing with their own key.

Reads on stdin [{name, endpoint, region, key, secret, plan, neighbour}], where plan says how far the learner goes:
  finish    every step: snapshot, wait for it, acknowledge the manual step (the tag LabRunner sets), move the window
  snapshot  takes the snapshot and stops
  window    moves the backup window only
Prints [{name, seen, neighbour}]: the clusters the learner's Describe showed, and the error code when the learner
tried to delete their neighbour's snapshot.
"""
import concurrent.futures
import datetime
import json
import sys
import time

import botocore.exceptions
import botocore.session

BACKUP_WINDOW = '05:00-05:45'


def client_for(session, learner):
    return session.create_client('rds', endpoint_url=learner['endpoint'], region_name=learner['region'],
                                 aws_access_key_id=learner['key'], aws_secret_access_key=learner['secret'])


def take_snapshot(rds, name):
    rds.create_db_cluster_snapshot(DBClusterSnapshotIdentifier=f'aurora-{name}-snap1',
                                   DBClusterIdentifier=f'aurora-{name}-cluster')


def wait_for_snapshot(rds, name):
    deadline = time.monotonic() + 30
    while True:
        snapshot = rds.describe_db_cluster_snapshots(DBClusterSnapshotIdentifier=f'aurora-{name}-snap1')['DBClusterSnapshots'][0]
        if snapshot['Status'] == 'available':
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f'snapshot of {name} still {snapshot["Status"]} after 30 s')
        time.sleep(0.2)


def acknowledge(rds, name, step):
    cluster = rds.describe_db_clusters(DBClusterIdentifier=f'aurora-{name}-cluster')['DBClusters'][0]
    at = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    rds.add_tags_to_resource(ResourceName=cluster['DBClusterArn'], Tags=[{'Key': f'labrunner:ack:{step}', 'Value': at}])


def move_window(rds, name):
    rds.modify_db_cluster(DBClusterIdentifier=f'aurora-{name}-cluster', PreferredBackupWindow=BACKUP_WINDOW,
                          ApplyImmediately=True)


def work(learner, rds):
    name, plan = learner['name'], learner['plan']
    if plan in ('finish', 'snapshot'):
        take_snapshot(rds, name)
    if plan == 'finish':
        wait_for_snapshot(rds, name)
        acknowledge(rds, name, 'snapshot-actions')
    if plan in ('finish', 'window'):
        move_window(rds, name)
    seen = [cluster['DBClusterIdentifier'] for cluster in rds.describe_db_clusters()['DBClusters']]
    try:
        rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier=f"aurora-{learner['neighbour']}-snap1")
        neighbour = 'deleted'
    except botocore.exceptions.ClientError as error:
        neighbour = error.response['Error']['Code']
    return {'name': name, 'seen': seen, 'neighbour': neighbour}


def main():
    learners = json.load(sys.stdin)
    # Clients are thread-safe, a session is not: made one after another, then used at once.
    session = botocore.session.get_session()
    clients = [client_for(session, learner) for learner in learners]
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(learners)) as pool:
        print(json.dumps(list(pool.map(work, learners, clients))))


main()
