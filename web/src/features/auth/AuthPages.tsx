import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormField } from '../../components/FormField';
import { describeError, fieldOfValidationError } from '../../lib/errors';
import { useLogin, useRegister } from './session';
import { api } from '../../lib/api';

function safeNext(next: string | null): string | null {
  // Only paths on this site.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: async () => {
          const me = await api.me().catch(() => null);
          navigate(safeNext(params.get('next')) ?? (me && !me.profileComplete ? '/profile' : '/dashboard'), {
            replace: true,
          });
        },
      },
    );
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Log in</h1>
        <p className="muted">Welcome back. Practise interviews with a peer.</p>
        <FormField label="Email" required>
          {(p) => (
            <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </FormField>
        <FormField label="Password" required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        {login.isError && (
          <p role="alert" className="form-error">
            {describeError(login.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted center">
          New here? <Link to="/register">Create an account</Link>
        </p>
      </form>
    </main>
  );
}

const REGISTER_FIELDS = ['email', 'password', 'name'] as const;

export function RegisterPage() {
  const register = useRegister();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);

  function validate(): { field: string; message: string } | null {
    if (!name.trim()) return { field: 'name', message: 'Enter your name.' };
    if (name.trim().length > 80) return { field: 'name', message: 'Your name can be at most 80 characters.' };
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return { field: 'email', message: 'Enter a valid email address.' };
    if (password.length < 8) return { field: 'password', message: 'Use at least 8 characters.' };
    if (password.length > 128) return { field: 'password', message: 'Use at most 128 characters.' };
    return null;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const err = validate();
    setLocalError(err);
    if (err) {
      document.getElementById(`register-${err.field}`)?.focus();
      return;
    }
    register.mutate(
      { name: name.trim(), email: email.trim(), password },
      { onSuccess: () => navigate('/profile?welcome=1', { replace: true }) },
    );
  }

  const serverField = fieldOfValidationError(register.error, REGISTER_FIELDS);
  const errorFor = (f: string) =>
    localError?.field === f ? localError.message : serverField === f ? describeError(register.error) : null;

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="register-title" noValidate>
        <h1 id="register-title">Create your account</h1>
        <p className="muted">Find a partner, pick questions, and practise live.</p>
        <FormField label="Name" id="register-name" required error={errorFor('name')}>
          {(p) => (
            <input
              {...p}
              autoComplete="name"
              maxLength={80}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Email" id="register-email" required error={errorFor('email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Password" id="register-password" required hint="8 to 128 characters." error={errorFor('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        {register.isError && !serverField && (
          <p role="alert" className="form-error">
            {describeError(register.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={register.isPending}>
          {register.isPending ? 'Creating account…' : 'Create account'}
        </button>
        <p className="muted center">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </form>
    </main>
  );
}
