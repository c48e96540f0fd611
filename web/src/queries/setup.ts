// Whether the instance is set up and whether it is a demo: shared by the banner and the sign-in page,
// asked again whenever one of them opens (loading the demo county changes it).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api';

export const setupQuery = queryOptions({ queryKey: ['setup'], queryFn: () => api.getSetup() });
