/**
 * The RichApi message that Microsoft's Office.js client sends to Excel at each `context.sync()` (the body
 * of a "ProcessQuery" request) and the body Excel answers with. Field names are Office.js's own
 * (ClientRequestBase.buildRequestMessageBodyAndRequestFlags, processRequestExecutorResponseMessage).
 */

/** ObjectPathType: how the host finds the object an action works on. */
export enum PathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

/** ActionType: what the host does with the object. */
export enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
  Trace = 5,
  EnsureUnchanged = 6,
  Sync = 7,
  RecursiveQuery = 8,
  Update = 9,
}

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Parallel to Arguments: the ObjectPath id where the argument is a client object, else 0. */
  ReferencedObjectPathIds?: (number | unknown[])[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: PathType;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[] | null;
  Expand?: string[] | null;
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: ActionType;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface RequestMessageBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseError {
  Code: string;
  Message: string;
  Location?: string;
  /** Index in Actions of the action that failed: Office.js prints that statement in debugInfo. */
  ActionIndex?: number;
  HttpStatusCode?: number;
}

export interface ResponseMessageBody {
  Results: ActionResult[];
  /** Ids of the Trace actions reached: Office.js keeps the messages of those (error.traceMessages). */
  TraceIds?: number[];
  Error?: ResponseError;
}
