/**
 * Errors of the simulated Excel host. They carry the same `code` strings as
 * Office.js (`OfficeExtension.Error.code` / `Excel.ErrorCodes`) so that code
 * written against the real host can branch on them unchanged.
 */

export type SimErrorCode =
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "AccessDenied"
  | "InvalidRequestContext"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RunMustReturnPromise"
  | "ValueNotLoaded";

const DEFAULT_MESSAGES: Record<SimErrorCode, string> = {
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: "The requested operation is invalid.",
  InvalidOperationInCellEditMode: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  AccessDenied: "You cannot perform the requested operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidReference: "This reference isn't valid for the current operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded: "The property is not available.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit (5 MB in Excel on the web).",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit (5 MB in Excel on the web).",
  RunMustReturnPromise: "The batch function passed to the \".run\" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.",
  ValueNotLoaded: "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.",
};

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** Shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo, traceMessages). */
export class SimError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;
  traceMessages: string[] = [];
  innerError: SimError | null = null;

  constructor(code: SimErrorCode, detail?: string, errorLocation?: string) {
    const message = detail ? `${DEFAULT_MESSAGES[code]} ${detail}` : DEFAULT_MESSAGES[code];
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** Copy with the location filled in (the statement that failed inside a batch). */
  at(errorLocation: string): SimError {
    if (this.debugInfo.errorLocation) return this;
    (this.debugInfo as SimDebugInfo).errorLocation = errorLocation;
    return this;
  }
}

export function simError(code: SimErrorCode, detail?: string, location?: string): SimError {
  return new SimError(code, detail, location);
}

export function propertyNotLoaded(property: string, typeName: string): SimError {
  const e = new SimError("PropertyNotLoaded", undefined, `${typeName}.${property}`);
  // Office's wording, so that messages in logs look the same as in Excel.
  const msg =
    `The property '${property}' is not available. Before reading the property's value, ` +
    `call the load method on the containing object and call "context.sync()" on the associated request context.`;
  Object.defineProperty(e, "message", { value: msg });
  e.debugInfo.message = msg;
  return e;
}

export function isSimError(e: unknown): e is SimError {
  return e instanceof SimError;
}
