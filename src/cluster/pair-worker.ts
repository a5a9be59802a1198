// The cluster stage's second thread (src/parallel/cluster-thread.ts): scores candidate pairs (pair-thread.ts).
import { workerData, type MessagePort } from "node:worker_threads";
import { servePairThread } from "./pair-thread.ts";

servePairThread((workerData as { port: MessagePort }).port);
