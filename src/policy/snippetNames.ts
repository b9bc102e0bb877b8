// Names the snippets need from the ARNs: the role's name and path, and what kind of principal the base is.

export interface SnippetNames {
  roleName: string;
  /** "/" unless the role ARN has a path. */
  rolePath: string;
  base: { kind: 'user' | 'role' | 'root'; name: string; account: string };
}

export function snippetNames(callerRoleArn: string, basePrincipalArn: string): SnippetNames {
  const role = /^arn:[\w-]+:iam::\d{12}:role(\/(?:.*\/)?)([^/]+)$/.exec(callerRoleArn);
  const base = /^arn:[\w-]+:iam::(\d{12}):(user|role|root)(?:\/(?:.*\/)?([^/]+))?$/.exec(basePrincipalArn);
  return {
    roleName: role?.[2] ?? 'InvokerRole',
    rolePath: role?.[1] ?? '/',
    base: { kind: (base?.[2] ?? 'root') as 'user' | 'role' | 'root', name: base?.[3] ?? '', account: base?.[1] ?? '' },
  };
}
